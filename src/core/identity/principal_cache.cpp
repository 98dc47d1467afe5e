#include "core/identity/principal_cache.h"

#include <algorithm>

namespace lifeline {

std::optional<Principal> PrincipalCache::Find(const std::string& credential_hash, TimeMs now) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(credential_hash);
  if (it == entries_.end()) return std::nullopt;
  if (it->second.expires_at <= now) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.principal;
}

void PrincipalCache::Put(const std::string& credential_hash, const Principal& principal,
                         TimeMs valid_until, TimeMs now) {
  std::lock_guard lock(mutex_);
  if (entries_.size() >= max_entries_) {
    // Dropping expired entries first keeps the common case cheap; when everything is live the
    // cache starts over, which only costs the next requests a database read each.
    std::erase_if(entries_, [now](const auto& kv) { return kv.second.expires_at <= now; });
    if (entries_.size() >= max_entries_) entries_.clear();
  }
  entries_.insert_or_assign(credential_hash, Entry{principal, std::min(valid_until, now + ttl_)});
}

void PrincipalCache::Evict(const std::string& credential_hash) {
  std::lock_guard lock(mutex_);
  entries_.erase(credential_hash);
}

void PrincipalCache::EvictUser(std::int64_t user_id) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_,
                [user_id](const auto& kv) { return kv.second.principal.user_id == user_id; });
}

void PrincipalCache::EvictApiKey(std::int64_t api_key_id) {
  std::lock_guard lock(mutex_);
  std::erase_if(entries_, [api_key_id](const auto& kv) {
    return kv.second.principal.api_key_id == api_key_id;
  });
}

}  // namespace lifeline
