#ifndef MAEX_CCURL_SHIM_H
#define MAEX_CCURL_SHIM_H
#include <curl/curl.h>

/* curl_easy_setopt and curl_easy_getinfo are variadic: Swift cannot call them.
   These typed wrappers are the whole shim. */
static inline CURLcode maex_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode maex_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode maex_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode maex_setopt_slist(CURL *h, CURLoption o, struct curl_slist *v) { return curl_easy_setopt(h, o, v); }
static inline CURLcode maex_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }
typedef size_t (*maex_write_fn)(char *, size_t, size_t, void *);
static inline CURLcode maex_setopt_write_function(CURL *h, maex_write_fn f) { return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, f); }
/* Same signature as the write callback: called once per response header line. */
static inline CURLcode maex_setopt_header_function(CURL *h, maex_write_fn f) { return curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, f); }
/* Progress callback (needs CURLOPT_NOPROGRESS 0); a non-zero return aborts the transfer. */
typedef int (*maex_xferinfo_fn)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);
static inline CURLcode maex_setopt_xferinfo_function(CURL *h, maex_xferinfo_fn f) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, f); }
/* Debug callback (needs CURLOPT_VERBOSE 1): sees the exact bytes of request and response heads and bodies. */
typedef int (*maex_debug_fn)(CURL *, curl_infotype, char *, size_t, void *);
static inline CURLcode maex_setopt_debug_function(CURL *h, maex_debug_fn f) { return curl_easy_setopt(h, CURLOPT_DEBUGFUNCTION, f); }
static inline CURLcode maex_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
static inline CURLcode maex_getinfo_off(CURL *h, CURLINFO i, curl_off_t *v) { return curl_easy_getinfo(h, i, v); }
#endif
