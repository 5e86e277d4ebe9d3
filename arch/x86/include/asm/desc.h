#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <linux/types.h>
#include <linux/build_bug.h>
#include <asm/segment.h>

/* An IDT gate: where to go, on which stack, with what privilege. */
struct gate_struct {
	u16 offset_low;
	u16 segment;
	u16 bits; /* ist:3, zero:5, type:5, dpl:2, p:1 */
	u16 offset_middle;
	u32 offset_high;
	u32 reserved;
} __attribute__((packed));

struct desc_ptr {
	u16 size;
	unsigned long address;
} __attribute__((packed));

#define GATE_INTERRUPT 0xe /* clears IF on entry */
#define GATE_TRAP 0xf

#define IDT_ENTRIES 256
#define FIRST_EXTERNAL_VECTOR 32

static inline void load_idt(const struct desc_ptr *dtr)
{
	asm volatile("lidt %0" : : "m"(*dtr));
}

static inline void load_gdt(const struct desc_ptr *dtr)
{
	asm volatile("lgdt %0" : : "m"(*dtr));
}

static inline void load_tr(unsigned int sel)
{
	asm volatile("ltr %w0" : : "r"(sel));
}

void idt_setup_early_traps(void);
void idt_setup_ist_traps(void);
void load_current_idt(void);

#endif /* _ASM_X86_DESC_H */
