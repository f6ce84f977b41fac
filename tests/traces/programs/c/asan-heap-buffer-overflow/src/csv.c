#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* copy a field into a freshly allocated string */
char *field_dup(const char *start, size_t len) {
    char *out = malloc(len);
    memcpy(out, start, len);
    out[len] = '\0';
    return out;
}

int main(void) {
    const char *line = "1042,Widget,19.99";
    const char *comma = strchr(line, ',');
    char *id = field_dup(line, (size_t)(comma - line));
    printf("id=%s\n", id);
    free(id);
    return 0;
}
