#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int rows = 3, cols = 4;
    int *m = malloc(rows * cols * sizeof *m);
    for (int i = 0; i < rows * cols; i++) m[i] = i;
    long sum = 0;
    for (int r = 0; r <= rows; r++)
        sum += m[r * cols];
    printf("first column sum %ld\n", sum);
    free(m);
    return 0;
}
