#include <stdio.h>
#include <string.h>

static const char *lookup(const char *key) {
    if (strcmp(key, "port") == 0) return "8080";
    return NULL;
}

int main(int argc, char **argv) {
    const char *key = argc > 1 ? argv[1] : "port";
    const char *val = lookup(key);
    printf("%s has length %zu\n", key, strlen(val));
    return 0;
}
