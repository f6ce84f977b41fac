#include "csv.h"

int csv_count_fields(const char *line) {
    int n = 1;
    for (; *line; line++) if (*line == ',') n++;
    return n;
}
