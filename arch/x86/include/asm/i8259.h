#ifndef _ASM_X86_I8259_H
#define _ASM_X86_I8259_H

/*
 * The legacy 8259A pair, master at 0x20 and slave at 0xa0.  With the
 * I/O APIC in charge it is only reprogrammed away from the exception
 * vectors and masked.
 */
#define PIC_MASTER_CMD 0x20
#define PIC_MASTER_IMR 0x21
#define PIC_SLAVE_CMD 0xa0
#define PIC_SLAVE_IMR 0xa1
#define PIC_CASCADE_IR 2

void mask_8259A(void);
void init_8259A(void);

#endif /* _ASM_X86_I8259_H */
