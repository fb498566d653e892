#include "core/store/fulldiskvfs.h"

#include <sqlite3.h>

#include <atomic>
#include <limits>
#include <mutex>

namespace chorus {
namespace {

// The VFS this one forwards to (the default when it was installed).
sqlite3_vfs *g_real = nullptr;
std::atomic<std::int64_t> g_allowance{std::numeric_limits<std::int64_t>::max()};
std::atomic<std::int64_t> g_written{0};
std::atomic<std::int64_t> g_refused{0};
std::atomic<bool> g_default{false};
std::mutex g_installMutex;

// Every open file: our header, then the real VFS's file object in the same allocation.
struct ShimFile {
    sqlite3_file base;
    sqlite3_file *real;
};

sqlite3_file *realOf(sqlite3_file *file) { return reinterpret_cast<ShimFile *>(file)->real; }

int shimClose(sqlite3_file *file)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
}

int shimRead(sqlite3_file *file, void *buffer, int amount, sqlite3_int64 offset)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xRead(real, buffer, amount, offset);
}

int shimWrite(sqlite3_file *file, const void *buffer, int amount, sqlite3_int64 offset)
{
    // Claimed before writing, so concurrent writers cannot both squeeze into the last bytes.
    const std::int64_t before = g_written.fetch_add(amount);
    if (before + amount > g_allowance.load()) {
        g_written.fetch_sub(amount);
        g_refused.fetch_add(1);
        return SQLITE_FULL;
    }
    sqlite3_file *real = realOf(file);
    return real->pMethods->xWrite(real, buffer, amount, offset);
}

int shimTruncate(sqlite3_file *file, sqlite3_int64 size)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xTruncate(real, size);
}

int shimSync(sqlite3_file *file, int flags)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xSync(real, flags);
}

int shimFileSize(sqlite3_file *file, sqlite3_int64 *size)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xFileSize(real, size);
}

int shimLock(sqlite3_file *file, int level)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xLock(real, level);
}

int shimUnlock(sqlite3_file *file, int level)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xUnlock(real, level);
}

int shimCheckReservedLock(sqlite3_file *file, int *result)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xCheckReservedLock(real, result);
}

int shimFileControl(sqlite3_file *file, int op, void *argument)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xFileControl(real, op, argument);
}

int shimSectorSize(sqlite3_file *file)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xSectorSize(real);
}

int shimDeviceCharacteristics(sqlite3_file *file)
{
    sqlite3_file *real = realOf(file);
    return real->pMethods->xDeviceCharacteristics(real);
}

int shimShmMap(sqlite3_file *file, int region, int size, int extend, void volatile **memory)
{
    sqlite3_file *real = realOf(file);
    if (real->pMethods->iVersion < 2)
        return SQLITE_IOERR;
    return real->pMethods->xShmMap(real, region, size, extend, memory);
}

int shimShmLock(sqlite3_file *file, int offset, int n, int flags)
{
    sqlite3_file *real = realOf(file);
    if (real->pMethods->iVersion < 2)
        return SQLITE_IOERR;
    return real->pMethods->xShmLock(real, offset, n, flags);
}

void shimShmBarrier(sqlite3_file *file)
{
    sqlite3_file *real = realOf(file);
    if (real->pMethods->iVersion >= 2)
        real->pMethods->xShmBarrier(real);
}

int shimShmUnmap(sqlite3_file *file, int deleteFlag)
{
    sqlite3_file *real = realOf(file);
    if (real->pMethods->iVersion < 2)
        return SQLITE_OK;
    return real->pMethods->xShmUnmap(real, deleteFlag);
}

int shimFetch(sqlite3_file *file, sqlite3_int64 offset, int amount, void **pointer)
{
    sqlite3_file *real = realOf(file);
    if (real->pMethods->iVersion < 3) {
        *pointer = nullptr;
        return SQLITE_OK;
    }
    return real->pMethods->xFetch(real, offset, amount, pointer);
}

int shimUnfetch(sqlite3_file *file, sqlite3_int64 offset, void *pointer)
{
    sqlite3_file *real = realOf(file);
    if (real->pMethods->iVersion < 3)
        return SQLITE_OK;
    return real->pMethods->xUnfetch(real, offset, pointer);
}

const sqlite3_io_methods kShimMethods = {
    3,
    shimClose,
    shimRead,
    shimWrite,
    shimTruncate,
    shimSync,
    shimFileSize,
    shimLock,
    shimUnlock,
    shimCheckReservedLock,
    shimFileControl,
    shimSectorSize,
    shimDeviceCharacteristics,
    shimShmMap,
    shimShmLock,
    shimShmBarrier,
    shimShmUnmap,
    shimFetch,
    shimUnfetch,
};

int shimOpen(sqlite3_vfs *, const char *name, sqlite3_file *file, int flags, int *outFlags)
{
    auto *shim = reinterpret_cast<ShimFile *>(file);
    shim->real = reinterpret_cast<sqlite3_file *>(shim + 1);
    shim->real->pMethods = nullptr;
    const int rc = g_real->xOpen(g_real, name, shim->real, flags, outFlags);
    // SQLite calls xClose whenever pMethods is set, even after a failed open.
    shim->base.pMethods = shim->real->pMethods ? &kShimMethods : nullptr;
    return rc;
}

int shimDelete(sqlite3_vfs *, const char *name, int syncDir) { return g_real->xDelete(g_real, name, syncDir); }

int shimAccess(sqlite3_vfs *, const char *name, int flags, int *result)
{
    return g_real->xAccess(g_real, name, flags, result);
}

int shimFullPathname(sqlite3_vfs *, const char *name, int size, char *out)
{
    return g_real->xFullPathname(g_real, name, size, out);
}

void *shimDlOpen(sqlite3_vfs *, const char *name) { return g_real->xDlOpen(g_real, name); }
void shimDlError(sqlite3_vfs *, int size, char *message) { g_real->xDlError(g_real, size, message); }
void (*shimDlSym(sqlite3_vfs *, void *handle, const char *symbol))(void)
{
    return g_real->xDlSym(g_real, handle, symbol);
}
void shimDlClose(sqlite3_vfs *, void *handle) { g_real->xDlClose(g_real, handle); }
int shimRandomness(sqlite3_vfs *, int size, char *out) { return g_real->xRandomness(g_real, size, out); }
int shimSleep(sqlite3_vfs *, int microseconds) { return g_real->xSleep(g_real, microseconds); }
int shimCurrentTime(sqlite3_vfs *, double *now) { return g_real->xCurrentTime(g_real, now); }
int shimGetLastError(sqlite3_vfs *, int size, char *out)
{
    return g_real->xGetLastError ? g_real->xGetLastError(g_real, size, out) : 0;
}
int shimCurrentTimeInt64(sqlite3_vfs *, sqlite3_int64 *now)
{
    if (g_real->iVersion >= 2 && g_real->xCurrentTimeInt64)
        return g_real->xCurrentTimeInt64(g_real, now);
    double days = 0;
    const int rc = g_real->xCurrentTime(g_real, &days);
    *now = static_cast<sqlite3_int64>(days * 86400000.0);
    return rc;
}

sqlite3_vfs g_shim = {};

} // namespace

Status FullDiskVfs::install(std::int64_t bytesAllowed)
{
    std::lock_guard<std::mutex> lock(g_installMutex);
    if (const int rc = sqlite3_initialize(); rc != SQLITE_OK)
        return Error{std::string("cannot initialise SQLite: ") + sqlite3_errstr(rc)};
    if (!g_real) {
        sqlite3_vfs *current = sqlite3_vfs_find(nullptr);
        if (!current)
            return Error{"SQLite has no default VFS to wrap"};
        g_real = current;
        g_shim.iVersion = 2; // xCurrentTimeInt64; the system-call hooks stay with the real VFS
        g_shim.szOsFile = static_cast<int>(sizeof(ShimFile)) + g_real->szOsFile;
        g_shim.mxPathname = g_real->mxPathname;
        g_shim.zName = kName;
        g_shim.xOpen = shimOpen;
        g_shim.xDelete = shimDelete;
        g_shim.xAccess = shimAccess;
        g_shim.xFullPathname = shimFullPathname;
        g_shim.xDlOpen = shimDlOpen;
        g_shim.xDlError = shimDlError;
        g_shim.xDlSym = shimDlSym;
        g_shim.xDlClose = shimDlClose;
        g_shim.xRandomness = shimRandomness;
        g_shim.xSleep = shimSleep;
        g_shim.xCurrentTime = shimCurrentTime;
        g_shim.xGetLastError = shimGetLastError;
        g_shim.xCurrentTimeInt64 = shimCurrentTimeInt64;
    }
    setAllowance(bytesAllowed);
    if (const int rc = sqlite3_vfs_register(&g_shim, 1); rc != SQLITE_OK)
        return Error{std::string("cannot register the full-disk VFS: ") + sqlite3_errstr(rc)};
    g_default = true;
    return {};
}

void FullDiskVfs::uninstall()
{
    std::lock_guard<std::mutex> lock(g_installMutex);
    if (!g_real || !g_default)
        return;
    sqlite3_vfs_register(g_real, 1);
    g_default = false;
    setAllowance(std::numeric_limits<std::int64_t>::max());
}

bool FullDiskVfs::installed() { return g_default; }

void FullDiskVfs::setAllowance(std::int64_t bytesAllowed)
{
    g_written = 0;
    g_refused = 0;
    g_allowance = bytesAllowed;
}

std::int64_t FullDiskVfs::bytesWritten() { return g_written; }

std::int64_t FullDiskVfs::writesRefused() { return g_refused; }

} // namespace chorus
