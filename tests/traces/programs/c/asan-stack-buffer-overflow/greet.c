#include <stdio.h>
#include <string.h>

static void greet(const char *name) {
    char msg[16];
    strcpy(msg, "Hello, ");
    strcat(msg, name);
    puts(msg);
}

int main(int argc, char **argv) {
    greet(argc > 1 ? argv[1] : "world");
    return 0;
}
