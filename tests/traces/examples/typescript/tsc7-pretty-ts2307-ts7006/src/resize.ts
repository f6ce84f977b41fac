import sharp from "sharp";

export async function thumbnail(input, width: number) {
  return sharp(input).resize(width).toBuffer();
}
