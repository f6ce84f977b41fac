#include <iostream>
#include <map>
#include <string>

struct Point {
    int x, y;
};

int main() {
    std::map<Point, std::string> labels;
    labels[{1, 2}] = "depot";
    labels[{4, 0}] = "store";
    for (const auto &[p, name] : labels) std::cout << p.x << "," << p.y << " " << name << "\n";
}
