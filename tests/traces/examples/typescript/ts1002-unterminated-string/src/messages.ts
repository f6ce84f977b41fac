export const messages = {
  welcome: "Welcome back,
  goodbye: "See you soon",
};
