/*
 * Command line tokenising, shared by the early and the normal parameter
 * passes of init/main.c (and by modules, later).
 */
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

/*
 * Cut the next word off @args: NUL-terminate it, split it at the first
 * '=' into *param and *val (NULL without '='), and drop the double
 * quotes that let a value hold spaces: param="a b" and "param=a b"
 * both give val = a b.  Returns the rest of the line.
 */
static char *next_arg(char *args, char **param, char **val)
{
	unsigned int i, equals = 0;
	bool in_quote = false, quoted = false;

	if (*args == '"') {
		args++;
		in_quote = quoted = true;
	}
	for (i = 0; args[i]; i++) {
		if (isspace(args[i]) && !in_quote)
			break;
		if (!equals && args[i] == '=')
			equals = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}

	*param = args;
	*val = NULL;
	if (equals) {
		args[equals] = '\0';
		*val = args + equals + 1;
		if (**val == '"') {
			(*val)++;
			quoted = true;
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';
	if (args[i]) {
		args[i] = '\0';
		return skip_spaces(args + i + 1);
	}
	return args + i;
}

/**
 * parse_args - feed each word of a command line to a handler.
 * @doing: what is being parsed, for messages
 * @args: the line; modified in place (words are NUL-terminated)
 * @unknown: handler; returns 0 or -errno
 *
 * Boot context.  See linux/moduleparam.h for the return value.
 */
char *parse_args(const char *doing, char *args,
		 int (*unknown)(char *param, char *val, const char *doing))
{
	char *param, *val;
	int ret;

	args = skip_spaces(args);
	while (*args) {
		args = next_arg(args, &param, &val);
		if (!val && !strcmp(param, "--"))
			return args;
		ret = unknown(param, val, doing);
		if (ret) {
			pr_err("%s: error %d parsing '%s'\n", doing, ret,
			       param);
			return ERR_PTR(ret);
		}
	}
	return NULL;
}
