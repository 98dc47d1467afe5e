#include "tests/support/server_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <thread>

#include "tests/support/http_client.h"

namespace lifeline::testing {

namespace {

constexpr auto kStartTimeout = std::chrono::seconds(30);
constexpr auto kStopTimeout = std::chrono::seconds(30);
constexpr auto kPoll = std::chrono::milliseconds(20);

// Settings that keep tests fast and quiet; tests override them through Options::env.
const std::vector<std::pair<std::string, std::string>> kTestEnvironment{
    {"LIFELINE_SECURITY_PASSWORD_HASH", "minimum"},
    {"LIFELINE_SERVER_ACCESS_LOG", "false"},
    {"LIFELINE_LOG_LEVEL", "warn"},
    {"LIFELINE_SERVER_WEB_ROOT", ""},
};

std::vector<char*> Argv(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  return argv;
}

bool TcpConnects(std::uint16_t port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  close(fd);
  return ok;
}

// Waits for the child to exit, up to `timeout`; returns its exit code or -1.
int WaitExit(pid_t pid, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    if (std::chrono::steady_clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(kPoll);
  }
}

pid_t Spawn(std::vector<std::string> args, const std::filesystem::path& log,
            const std::vector<std::pair<std::string, std::string>>& env, int stdin_fd,
            long file_size_limit) {
  const pid_t pid = fork();
  if (pid != 0) return pid;
  // Child: environment, output, limits, then exec.
  for (const auto& [name, value] : kTestEnvironment) setenv(name.c_str(), value.c_str(), 1);
  for (const auto& [name, value] : env) setenv(name.c_str(), value.c_str(), 1);
  const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  dup2(out, STDOUT_FILENO);
  dup2(out, STDERR_FILENO);
  if (stdin_fd >= 0) dup2(stdin_fd, STDIN_FILENO);
  if (file_size_limit >= 0) {
    signal(SIGXFSZ, SIG_IGN);  // a write past the limit then fails with EFBIG, like a full disk
    rlimit limit{static_cast<rlim_t>(file_size_limit), static_cast<rlim_t>(file_size_limit)};
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  std::vector<char*> argv = Argv(args);
  execv(argv[0], argv.data());
  _exit(127);
}

}  // namespace

std::filesystem::path LifelineBinary() {
  const char* path = std::getenv("LIFELINE_BINARY");
  if (path == nullptr) ADD_FAILURE() << "LIFELINE_BINARY is not set; run the tests through ctest";
  return path != nullptr ? path : "lifeline";
}

std::uint16_t FreeLoopbackPort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

std::vector<std::string> StorageArgs(const std::filesystem::path& data_dir,
                                     const std::string& db_url) {
  std::vector<std::string> args{"--data", data_dir.string()};
  if (!db_url.empty()) {
    args.emplace_back("--db");
    args.push_back(db_url);
  }
  return args;
}

CommandResult RunLifeline(const std::vector<std::string>& args, const std::string& input,
                          const std::vector<std::pair<std::string, std::string>>& env,
                          int timeout_seconds) {
  std::vector<std::string> argv{LifelineBinary().string()};
  argv.insert(argv.end(), args.begin(), args.end());
  char log_template[] = "/tmp/lifeline-command-XXXXXX";
  const int log_fd = mkstemp(log_template);
  close(log_fd);
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return {};
  const pid_t pid = Spawn(argv, log_template, env, pipe_fds[0], -1);
  close(pipe_fds[0]);
  if (!input.empty()) (void)!write(pipe_fds[1], input.data(), input.size());
  close(pipe_fds[1]);
  CommandResult result;
  result.exit_code = WaitExit(pid, std::chrono::seconds(timeout_seconds));
  if (result.exit_code == -1) {
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  std::ifstream in(log_template);
  result.output.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::filesystem::remove(log_template);
  return result;
}

ServerProcess::ServerProcess(Options options) : options_(std::move(options)) {
  port_ = FreeLoopbackPort();
  std::vector<std::string> args{LifelineBinary().string(), "serve", "--listen",
                                "127.0.0.1:" + std::to_string(port_)};
  for (std::string& arg : StorageArgs(options_.data_dir, options_.db_url))
    args.push_back(std::move(arg));
  args.insert(args.end(), options_.extra_args.begin(), options_.extra_args.end());
  pid_ = Spawn(args, options_.data_dir / "server.log", options_.env, -1, options_.file_size_limit);
  const auto deadline = std::chrono::steady_clock::now() + kStartTimeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (WaitExit(pid_, std::chrono::milliseconds(0)) != -1) {
      pid_ = -1;
      ADD_FAILURE() << "lifeline serve exited at start:\n" << Log();
      return;
    }
    if (TcpConnects(port_) && HttpClient(port_).Get("/healthz").status == 200) return;
    std::this_thread::sleep_for(kPoll);
  }
  ADD_FAILURE() << "lifeline serve did not become healthy:\n" << Log();
}

ServerProcess::~ServerProcess() {
  Stop();
}

int ServerProcess::Stop() {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  int code = WaitExit(pid_, kStopTimeout);
  if (code == -1) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  pid_ = -1;
  return code;
}

std::string ServerProcess::Log() const {
  std::ifstream in(options_.data_dir / "server.log");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace lifeline::testing
