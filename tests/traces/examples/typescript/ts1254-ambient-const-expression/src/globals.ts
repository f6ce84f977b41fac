// values injected by the bundler at build time
declare const BUILD_TIMEOUT_MS = 60 * 1000;
declare const BUILD_TARGET = "web";
