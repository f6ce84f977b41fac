import { Hero } from "./Hero";

console.log(Hero({ title: "Welcome" }));
