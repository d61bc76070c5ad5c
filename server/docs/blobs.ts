/** Converting update bytes to and from what the database drivers bind and return. */

// Both drivers bind Buffers as blobs/bytea; a plain Uint8Array is not accepted by every version.
export const asBuffer = (data: Uint8Array): Buffer =>
  Buffer.from(data.buffer, data.byteOffset, data.byteLength);

// Both drivers return Buffers; Yjs wants plain Uint8Arrays (a Buffer works, but its pooled backing
// store may be larger than the view, so copy only what is ours).
export const asUint8Array = (data: Uint8Array): Uint8Array => new Uint8Array(data);
