import CCurl

/// `curl_global_init`, run exactly once (a global `let` is initialised lazily and thread-safely)
/// before the first easy handle is created.
let curlGlobalInitResult: UInt32 = curl_global_init(Int(CURL_GLOBAL_DEFAULT)).rawValue
