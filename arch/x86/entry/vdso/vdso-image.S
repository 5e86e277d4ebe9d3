/*
 * The vDSO image inside the kernel, page aligned so its pages can be
 * mapped into user space as they are (arch/x86/entry/vdso/vma.c).
 */
	.section .data..page_aligned, "aw"
	.balign 4096
	.globl vdso_image_start
vdso_image_start:
	.incbin VDSO_SO
	.globl vdso_image_end
vdso_image_end:
	.balign 4096
