#include <stdio.h>
#include <string.h>

static void read_badge(const char *input) {
    char badge[8];
    memcpy(badge, input, strlen(input) + 1);
    printf("badge %s accepted\n", badge);
}

int main(void) {
    read_badge("EMP-2041");
    read_badge("CONTRACTOR-00017");
    return 0;
}
