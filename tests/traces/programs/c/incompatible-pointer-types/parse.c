#include <stdio.h>
#include <stdlib.h>

static int parse_port(const char *s, long *out) {
    char *end;
    *out = strtol(s, &end, 10);
    return *end == '\0' && *out > 0 && *out < 65536;
}

int main(int argc, char **argv) {
    int port;
    if (argc < 2 || !parse_port(argv[1], &port)) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    printf("listening on %d\n", port);
    return 0;
}
