package org.siarchive.digitisation;

/**
 * Speckle removal on a binarised working copy: connected groups of ink (8-connected) of at most a few
 * pixels at the page's resolution become white. Punctuation and the dots of characters are far larger.
 */
final class Speckles {

    private Speckles() {}

    /** Whitens ink components of at most {@code maxArea} pixels; returns how many were removed. */
    static int remove(GreyPage page, int threshold, int maxArea) {
        int w = page.w;
        int h = page.h;
        boolean[] seen = new boolean[w * h];
        int[] stack = new int[1024];
        int removed = 0;
        for (int i = 0; i < w * h; i++) {
            if (seen[i] || (page.px[i] & 0xff) >= threshold) {
                continue;
            }
            // flood the whole component; its first pixels are kept in order at the bottom of the stack
            int size = 0;
            int top = 0;
            stack[top++] = i;
            seen[i] = true;
            while (top > size) {
                int p = stack[size++];
                int px = p % w;
                int py = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = px + dx;
                        int ny = py + dy;
                        int q = ny * w + nx;
                        if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[q] || (page.px[q] & 0xff) >= threshold) {
                            continue;
                        }
                        seen[q] = true;
                        if (top == stack.length) {
                            stack = java.util.Arrays.copyOf(stack, stack.length * 2);
                        }
                        stack[top++] = q;
                    }
                }
            }
            if (size <= maxArea) {
                for (int m = 0; m < size; m++) {
                    page.px[stack[m]] = (byte) 255;
                }
                removed++;
            }
        }
        return removed;
    }
}
