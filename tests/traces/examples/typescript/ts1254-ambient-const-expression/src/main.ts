console.log(BUILD_TARGET, BUILD_TIMEOUT_MS);
export {};
