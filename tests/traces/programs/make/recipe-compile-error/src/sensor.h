#pragma once
struct reading { int id; double celsius; };
struct reading sensor_read(int id);
