lock.release() = =
