#include "sensor.h"

struct reading sensor_read(int id) {
    struct reading r = { id, 21.5 };
    return r
}
