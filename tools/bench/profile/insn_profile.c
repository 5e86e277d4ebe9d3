/*
 * insn_profile: a QEMU TCG plugin that counts the guest instructions
 * executed from each translation block's start address, for
 * tools/bench/profile.py to fold into functions.
 *
 *	qemu-system-x86_64 ... -plugin file=insn_profile.so,out=PATH
 *
 * At exit PATH gets one line per start address that ever ran:
 *
 *	<vaddr in hex> <instructions executed>
 *
 * Each translation adds an inline "+= n_insns" on its address's
 * counter: no helper call, so profiling barely slows the guest.  A
 * counter is keyed by address alone, not by translation, because one
 * address is translated many times (after a TB flush, and under
 * -icount as a shorter block when the budget runs out mid-block) and
 * each version adds its own length.  User addresses of different
 * processes share counters; profile.py lumps them together anyway.
 *
 * Exact under -icount -smp 1: the inline op sits after QEMU's icount
 * check, so a block that is abandoned for lack of budget adds nothing.
 * Two inexactnesses remain: a block left mid-way by an exception (a
 * page fault) counts its tail too, and with several vCPU threads the
 * non-atomic adds can lose increments.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qemu-plugin-abi.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

#define HASH_BITS 16

/*
 * Never freed nor moved while QEMU runs: translated code holds its
 * address.
 */
struct tb_count {
	uint64_t vaddr;
	uint64_t insns;
	struct tb_count *next;
};

static struct tb_count *tb_hash[1 << HASH_BITS];
/* Translation runs on every vCPU thread, the exit on the main one. */
static pthread_mutex_t tb_hash_lock = PTHREAD_MUTEX_INITIALIZER;
static const char *out_path;

static unsigned int hash_vaddr(uint64_t vaddr)
{
	/* Fibonacci hashing: the top bits mix every bit of vaddr. */
	return (unsigned int)((vaddr * 0x9e3779b97f4a7c15ull) >>
			      (64 - HASH_BITS));
}

/* Caller holds tb_hash_lock.  NULL if out of memory. */
static struct tb_count *__find_tb_count(uint64_t vaddr)
{
	struct tb_count **head = &tb_hash[hash_vaddr(vaddr)];
	struct tb_count *c;

	for (c = *head; c; c = c->next)
		if (c->vaddr == vaddr)
			return c;
	c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->vaddr = vaddr;
	c->next = *head;
	*head = c;
	return c;
}

static void vcpu_tb_trans(qemu_plugin_id_t id, struct qemu_plugin_tb *tb)
{
	uint64_t vaddr = qemu_plugin_tb_vaddr(tb);
	struct tb_count *c;

	pthread_mutex_lock(&tb_hash_lock);
	c = __find_tb_count(vaddr);
	pthread_mutex_unlock(&tb_hash_lock);
	if (!c) {
		qemu_plugin_outs(
			"insn_profile: out of memory, block not counted\n");
		return;
	}
	qemu_plugin_register_vcpu_tb_exec_inline(tb, QEMU_PLUGIN_INLINE_ADD_U64,
						 &c->insns,
						 qemu_plugin_tb_n_insns(tb));
}

static void write_counts(qemu_plugin_id_t id, void *userdata)
{
	FILE *f = fopen(out_path, "w");
	struct tb_count *c;
	unsigned int i;

	if (!f) {
		perror(out_path);
		return;
	}
	pthread_mutex_lock(&tb_hash_lock);
	for (i = 0; i < 1u << HASH_BITS; i++)
		for (c = tb_hash[i]; c; c = c->next)
			if (c->insns)
				fprintf(f, "%" PRIx64 " %" PRIu64 "\n",
					c->vaddr, c->insns);
	pthread_mutex_unlock(&tb_hash_lock);
	if (fclose(f))
		perror(out_path);
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
					   const qemu_info_t *info, int argc,
					   char **argv)
{
	int i;

	for (i = 0; i < argc; i++) {
		if (!strncmp(argv[i], "out=", 4)) {
			out_path = argv[i] + 4;
		} else {
			fprintf(stderr, "insn_profile: unknown option %s\n",
				argv[i]);
			return -1;
		}
	}
	if (!out_path || !*out_path) {
		fprintf(stderr,
			"insn_profile: usage: -plugin file=insn_profile.so,out=PATH\n");
		return -1;
	}
	qemu_plugin_register_vcpu_tb_trans_cb(id, vcpu_tb_trans);
	qemu_plugin_register_atexit_cb(id, write_counts, NULL);
	return 0;
}
