/**
 * The shared errno table (issue 13): one plain-words reason per file-system error code, used by
 * every message about a file that cannot be read or written (src/cli/safe.ts fsReason, the lesson
 * loader, the progress store) through `errnoReason` (src/i18n/errno.ts). Never a raw code alone:
 * a code missing here is shown as Node's own words with the code in parentheses.
 */
import { catalogue, type Translation } from './index.js';

const ERRNO_EN = {
  reasons: {
    ENOENT: 'no such file or directory',
    ENOTDIR: 'a part of the path is not a directory',
    EISDIR: 'it is a directory',
    ENOTEMPTY: 'the directory is not empty',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'read-only file system',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EEXIST: 'it already exists',
    ENAMETOOLONG: 'the name is too long',
    ELOOP: 'too many symbolic links',
    EMFILE: 'too many open files',
    ENFILE: 'too many open files in the system',
    EBUSY: 'the file is busy',
    ETXTBSY: 'the file is busy',
    EINVAL: 'invalid file name',
    EIO: 'input/output error',
    ENXIO: 'no such device',
    ENODEV: 'no such device',
    EFBIG: 'the file is too large',
    EAGAIN: 'the resource is temporarily unavailable',
    EXDEV: 'not on the same file system',
  },
  /** A code not in the table: Node's words for it, then the code. */
  other: (words: string, code: string) => `${words} (${code})`,
  /** A code not in the table and no words from Node. */
  bare: (code: string) => `system error (${code})`,
};

const ERRNO_ZH: Translation<typeof ERRNO_EN> = {
  reasons: {
    ENOENT: '没有这个文件或目录',
    ENOTDIR: '路径中有一部分不是目录',
    EISDIR: '它是一个目录',
    ENOTEMPTY: '目录不是空的',
    EACCES: '没有权限',
    EPERM: '不允许这个操作',
    EROFS: '文件系统是只读的',
    ENOSPC: '设备上没有剩余空间',
    EDQUOT: '超出了磁盘配额',
    EEXIST: '它已经存在',
    ENAMETOOLONG: '名字太长',
    ELOOP: '符号链接太多（可能是链接循环）',
    EMFILE: '打开的文件太多',
    ENFILE: '系统中打开的文件太多',
    EBUSY: '文件正忙',
    ETXTBSY: '文件正忙',
    EINVAL: '文件名无效',
    EIO: '输入/输出错误',
    ENXIO: '没有这个设备',
    ENODEV: '没有这个设备',
    EFBIG: '文件太大',
    EAGAIN: '资源暂时不可用',
    EXDEV: '不在同一个文件系统上',
  },
  other: (words, code) => `系统错误：${words}（${code}）`,
  bare: (code) => `系统错误（${code}）`,
};

export const ERRNO = catalogue('i18n.ERRNO', { en: ERRNO_EN, 'zh-CN': ERRNO_ZH });
