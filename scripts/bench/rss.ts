/** The process's peak resident set so far, in MB (the kernel's high-water mark, so nothing is missed between samples). */
export const peakRssMB = (): number => process.resourceUsage().maxRSS / 1024;
