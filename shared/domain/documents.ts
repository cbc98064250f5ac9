/**
 * Evidence documents the app shows inside itself. The core gives a document one of these media types
 * only when its content's magic bytes say so, so a renderer may trust them for inline display.
 */
export const INLINE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const PDF_MEDIA_TYPE = 'application/pdf';
export const UNKNOWN_MEDIA_TYPE = 'application/octet-stream';

export type InlineKind = 'image' | 'pdf';

/** How a document of this (core-assigned) media type is shown: inline as an image or PDF, or not at all. */
export function inlineKind(mediaType: string): InlineKind | null {
  if (mediaType === PDF_MEDIA_TYPE) return 'pdf';
  return (INLINE_IMAGE_TYPES as readonly string[]).includes(mediaType) ? 'image' : null;
}
