#include <stdio.h>
#include <curl/curl.h>

int main(void) {
    CURL *h = curl_easy_init();
    curl_easy_setopt(h, CURLOPT_URL, "https://example.org/");
    CURLcode rc = curl_easy_perform(h);
    curl_easy_cleanup(h);
    return rc == CURLE_OK ? 0 : 1;
}
