#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **split(const char *s, int *count) {
    char **out = malloc(8 * sizeof *out);
    char *copy = strdup(s);
    *count = 0;
    for (char *t = strtok(copy, " "); t && *count < 8; t = strtok(NULL, " "))
        out[(*count)++] = strdup(t);
    free(copy);
    return out;
}

int main(void) {
    int n;
    char **words = split("GET /index.html HTTP/1.1", &n);
    printf("%d tokens, method %s\n", n, words[0]);
    free(words);
    return 0;
}
