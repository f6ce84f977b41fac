#include <math.h>
#include <stdio.h>

double stddev(const double *v, int n) {
    double mean = 0, acc = 0;
    for (int i = 0; i < n; i++) mean += v[i];
    mean /= n;
    for (int i = 0; i < n; i++) acc += pow(v[i] - mean, 2);
    return sqrt(acc / n);
}

int main(int argc, char **argv) {
    double v[] = {2, 4, 4, 4, 5, 5, 7, argc * 9.0};
    printf("%.3f\n", stddev(v, 8));
    printf("%.3f\n", log10(v[7]));
    return 0;
}
