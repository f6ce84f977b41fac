#include <stdio.h>

int checksum(const char *s) {
    int h = 0;
    while (*s) h = h * 31 + *s++;
    return h;
}

int main(void) {
    printf("%d\n", checksum("customer-invoice-2026-000123"));
    return 0;
}
