#include <stdio.h>

int main(void) {
    int samples[] = {0};
    int n = 0, sum = 0;
    for (int i = 0; i < n; i++) sum += samples[i];
    printf("average latency: ");
    fflush(stdout);
    printf("%d ms\n", sum / n);
    return 0;
}
