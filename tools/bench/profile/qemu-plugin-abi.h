/*
 * The few entries of QEMU's TCG plugin ABI that insn_profile.c uses,
 * declared by hand: Debian 12 ships qemu-system-x86_64 7.2 with plugin
 * support but not the qemu-plugin.h header.  Only what we call is here;
 * anything else a future use needs must be checked against QEMU 7.2's
 * include/qemu/qemu-plugin.h before it is added.
 *
 * QEMU resolves these entries in its own executable when it dlopen()s
 * the plugin, so the .so links against nothing: the symbols stay
 * undefined at link time.
 */
#ifndef _BENCH_QEMU_PLUGIN_ABI_H
#define _BENCH_QEMU_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

#define QEMU_PLUGIN_EXPORT __attribute__((visibility("default")))

/*
 * The API level the plugin is built for.  QEMU 7.2 refuses a plugin
 * without an exported int qemu_plugin_version, and one outside its
 * [min, cur] range, which is [0, 1].
 */
#define QEMU_PLUGIN_VERSION 1

/* A plugin's handle, as QEMU hands it to qemu_plugin_install(). */
typedef uint64_t qemu_plugin_id_t;

/*
 * What QEMU tells the plugin about the guest.  We never read it, so it
 * stays opaque: its layout is not part of what we rely on.
 */
typedef struct qemu_info_t qemu_info_t;

/* Opaque: valid only inside the translation callback. */
struct qemu_plugin_tb;

/* The only inline operation 7.2 has; it is enumerator 0. */
enum qemu_plugin_op {
	QEMU_PLUGIN_INLINE_ADD_U64 = 0,
};

typedef void (*qemu_plugin_vcpu_tb_trans_cb_t)(qemu_plugin_id_t id,
					       struct qemu_plugin_tb *tb);
typedef void (*qemu_plugin_udata_cb_t)(qemu_plugin_id_t id, void *userdata);

/*
 * Called once when the plugin is loaded; argv holds the "key=value"
 * options of -plugin and stays valid while the plugin is loaded.
 * Nonzero refuses the load.
 */
QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id,
					   const qemu_info_t *info, int argc,
					   char **argv);

void qemu_plugin_register_vcpu_tb_trans_cb(qemu_plugin_id_t id,
					   qemu_plugin_vcpu_tb_trans_cb_t cb);

/* Inline op on *ptr each time the TB runs: no call, not atomic. */
void qemu_plugin_register_vcpu_tb_exec_inline(struct qemu_plugin_tb *tb,
					      enum qemu_plugin_op op, void *ptr,
					      uint64_t imm);

size_t qemu_plugin_tb_n_insns(const struct qemu_plugin_tb *tb);
uint64_t qemu_plugin_tb_vaddr(const struct qemu_plugin_tb *tb);

/* Called at QEMU's exit, however the guest stopped it. */
void qemu_plugin_register_atexit_cb(qemu_plugin_id_t id,
				    qemu_plugin_udata_cb_t cb, void *userdata);

/* A line to QEMU's log (stderr unless -D). */
void qemu_plugin_outs(const char *string);

#endif /* _BENCH_QEMU_PLUGIN_ABI_H */
