#pragma once
#include <string>

class Shape {
public:
    virtual ~Shape() = default;
    virtual double area() const;
    virtual std::string name() const { return "shape"; }
};

class Square : public Shape {
public:
    explicit Square(double s) : side(s) {}
    double area() const override { return side * side; }
    std::string name() const override { return "square"; }
private:
    double side;
};
