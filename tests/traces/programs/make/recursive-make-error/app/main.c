#include <stdio.h>
#include "csv.h"

int main(void) {
    printf("%d\n", csv_count_fields("a,b,c"));
    printf("%d\n", csv_count_lines("a,b\nc,d\n"));
    return 0;
}
