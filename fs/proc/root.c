/*
 * The proc filesystem type and its root directory, which shows the
 * registered entries followed by one directory per process.
 */
#include <linux/err.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/mount.h>
#include <linux/printk.h>
#include "internal.h"

/* Positions in the root: 0, 1 dots; 2.. entries; FIRST_PROCESS_ENTRY.. pids */
#define FIRST_PROCESS_ENTRY 256

static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *dentry,
				       unsigned int flags)
{
	struct dentry *res = proc_lookup(dir, dentry, flags);

	if (!IS_ERR(res) || PTR_ERR(res) != -ENOENT)
		return res;
	return proc_pid_lookup(dentry, flags);
}

static int proc_root_readdir(struct file *file, struct dir_context *ctx)
{
	if (ctx->pos < FIRST_PROCESS_ENTRY) {
		if (!proc_readdir_de(file, ctx, &proc_root))
			return 0; /* the reader's buffer filled */
		ctx->pos = FIRST_PROCESS_ENTRY;
	}
	return proc_pid_readdir(file, ctx);
}

static const struct file_operations proc_root_operations = {
	.read = generic_read_dir,
	.iterate_shared = proc_root_readdir,
	.llseek = generic_file_llseek,
};

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
	.getattr = proc_getattr,
};

static int proc_fill_super(struct super_block *sb, void *data, int silent)
{
	struct inode *root;

	sb->s_blocksize = PAGE_SIZE;
	sb->s_blocksize_bits = PAGE_SHIFT;
	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_op = &proc_sops;
	sb->s_time_gran = 1;
	root = proc_get_inode(sb, pde_get(&proc_root));
	if (!root)
		return -ENOMEM;
	root->i_op = &proc_root_inode_operations;
	root->i_fop = &proc_root_operations;
	sb->s_root = d_make_root(root);
	return sb->s_root ? 0 : -ENOMEM;
}

static struct dentry *proc_mount(struct file_system_type *fs_type, int flags,
				 const char *dev_name, void *data)
{
	return mount_nodev(fs_type, flags, data, proc_fill_super);
}

struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
	.kill_sb = kill_anon_super,
	.fs_flags = FS_USERNS_MOUNT,
};

/**
 * proc_root_init - register the proc filesystem and its first entries.
 *
 * Boot, after vfs_caches_init().  The files of other subsystems come
 * from their own initcalls (proc_create_*() in fs_initcall()s).
 */
void __init proc_root_init(void)
{
	proc_init_kmemcache();
	proc_self_init();
	proc_thread_self_init();
	proc_symlink("mounts", NULL, "self/mounts");
	proc_mkdir("fs", NULL);
	proc_mkdir("driver", NULL);
	proc_sys_init();
	if (register_filesystem(&proc_fs_type))
		pr_err("proc: cannot register the filesystem\n");
}
