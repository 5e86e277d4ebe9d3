/*
 * The registered filesystem types: a list mount(2) searches by name,
 * shown as /proc/filesystems.
 */
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/string.h>

static struct file_system_type *file_systems;
static DEFINE_SPINLOCK(file_systems_lock);

static struct file_system_type **find_filesystem(const char *name,
						 unsigned int len)
{
	struct file_system_type **p;

	for (p = &file_systems; *p; p = &(*p)->next)
		if (strlen((*p)->name) == len &&
		    !strncmp((*p)->name, name, len))
			break;
	return p;
}

/**
 * register_filesystem - make @fs mountable by name.
 * @fs: the type; its ->next must be NULL
 *
 * Any context that may spin.  Returns 0, or -EBUSY if the name is taken.
 */
int register_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;
	int res = 0;

	if (fs->next)
		return -EBUSY;
	spin_lock(&file_systems_lock);
	p = find_filesystem(fs->name, strlen(fs->name));
	if (*p)
		res = -EBUSY;
	else
		*p = fs;
	spin_unlock(&file_systems_lock);
	return res;
}

/** unregister_filesystem - the reverse; -EINVAL if @fs was not there. */
int unregister_filesystem(struct file_system_type *fs)
{
	struct file_system_type **p;

	spin_lock(&file_systems_lock);
	for (p = &file_systems; *p; p = &(*p)->next) {
		if (*p == fs) {
			*p = fs->next;
			fs->next = NULL;
			spin_unlock(&file_systems_lock);
			return 0;
		}
	}
	spin_unlock(&file_systems_lock);
	return -EINVAL;
}

/**
 * get_fs_type - the filesystem type called @name, or NULL.
 *
 * Types are never unloaded (no modules yet), so no reference is taken;
 * put_filesystem() is the matching no-op.
 */
struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *fs;

	spin_lock(&file_systems_lock);
	fs = *find_filesystem(name, strlen(name));
	spin_unlock(&file_systems_lock);
	return fs;
}

void put_filesystem(struct file_system_type *fs)
{
}

/**
 * filesystems_proc_show - /proc/filesystems: "nodev\tname" for types
 * that need no block device, "\tname" for the others.
 */
void filesystems_proc_show(struct seq_file *m)
{
	struct file_system_type *fs;

	spin_lock(&file_systems_lock);
	for (fs = file_systems; fs; fs = fs->next)
		seq_printf(m, "%s\t%s\n",
			   (fs->fs_flags & FS_REQUIRES_DEV) ? "" : "nodev",
			   fs->name);
	spin_unlock(&file_systems_lock);
}
