// The format and pixel size of an image from its first bytes: Word needs both to place an image, and the
// exporter must not pull in an image library (it runs in a browser too). Unknown formats give undefined.

export interface ImageInfo {
  type: 'png' | 'jpg' | 'gif' | 'bmp';
  width: number;
  height: number;
}

function u16be(bytes: Uint8Array, at: number): number {
  return (bytes[at] << 8) | bytes[at + 1];
}

function u32be(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3]) >>> 0;
}

function i32le(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);
}

function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(bytes, at + 5), width: u16be(bytes, at + 7) };
    }
    at += 2 + u16be(bytes, at + 2);
  }
  return undefined;
}

export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  let size: { width: number; height: number } | undefined;
  let type: ImageInfo['type'] | undefined;
  if (bytes.length >= 24 && starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) {
    type = 'png';
    size = { width: u32be(bytes, 16), height: u32be(bytes, 20) };
  } else if (bytes.length >= 4 && starts(0xff, 0xd8, 0xff)) {
    type = 'jpg';
    size = jpegSize(bytes);
  } else if (bytes.length >= 10 && starts(0x47, 0x49, 0x46, 0x38)) {
    type = 'gif';
    size = { width: bytes[6] | (bytes[7] << 8), height: bytes[8] | (bytes[9] << 8) };
  } else if (bytes.length >= 26 && starts(0x42, 0x4d)) {
    type = 'bmp';
    size = { width: Math.abs(i32le(bytes, 18)), height: Math.abs(i32le(bytes, 22)) };
  }
  if (!type || !size || size.width <= 0 || size.height <= 0) return undefined;
  return { type, ...size };
}
