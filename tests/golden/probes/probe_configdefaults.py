import theano
from theano import configdefaults as c
print(c.python_int_bitwidth(), c.local_bitwidth(), c.floatX_convert('32'))
print(c.short_platform('3.10.0-514.16.1.el7.x86_64', 'Linux-3.10.0-514.16.1.el7.x86_64-x86_64-with-redhat-7.3-Maipo'))
