#include <stdio.h>
#include "sensor.h"

int main(void) {
    struct reading r = sensor_read(3);
    printf("%d: %.1f C\n", r.id, r.celsius);
    return 0;
}
