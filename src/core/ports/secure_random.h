#pragma once

#include <string>

namespace lifeline {

// Unpredictable randomness for secrets: session tokens, API keys, tracking codes.
class SecureRandom {
 public:
  virtual ~SecureRandom() = default;
  // `bytes` random bytes, encoded as unpadded base64url.
  virtual std::string Token(int bytes) = 0;
};

}  // namespace lifeline
