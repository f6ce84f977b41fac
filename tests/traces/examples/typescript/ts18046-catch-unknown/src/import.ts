export async function importFile(path: string): Promise<number> {
  try {
    const text = await import("node:fs/promises").then((fs) => fs.readFile(path, "utf8"));
    return text.split("\n").length;
  } catch (err) {
    console.error("import failed:", err.message);
    return 0;
  }
}
