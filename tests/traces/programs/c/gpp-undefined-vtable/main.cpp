#include <iostream>
#include <memory>
#include <vector>
#include "shapes.hpp"

int main() {
    std::vector<std::unique_ptr<Shape>> shapes;
    shapes.push_back(std::make_unique<Square>(3));
    shapes.push_back(std::make_unique<Shape>());
    for (const auto &s : shapes) std::cout << s->name() << " " << s->area() << "\n";
}
