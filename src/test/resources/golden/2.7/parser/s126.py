x = -0x7fffffffffffffff - -0xffffffffffffffff
