export const Header = {
  title: "Dashboard",
  render() {
    return { tag: "h1" };
  },
};
