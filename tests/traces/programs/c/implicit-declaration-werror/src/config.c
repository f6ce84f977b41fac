#include <stdio.h>
#include <string.h>
#include <stdlib.h>

char *config_get(const char *key) {
    const char *value = getenv(key);
    return value ? strdup(value) : NULL;
}

int main(void) {
    char *home = config_get("HOME");
    printf("home=%s\n", home ? home : "(unset)");
    free(home);
    return 0;
}
