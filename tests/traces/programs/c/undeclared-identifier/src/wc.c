#include <stdio.h>

int main(int argc, char **argv) {
    FILE *f = fopen(argc > 1 ? argv[1] : "input.txt", "r");
    if (!f) { perror("fopen"); return 1; }
    int c, lines = 0;
    while ((c = fgetc(f)) != EOF) {
        if (c == '\n') line++;
    }
    fclose(f);
    printf("%d\n", lines);
    return 0;
}
