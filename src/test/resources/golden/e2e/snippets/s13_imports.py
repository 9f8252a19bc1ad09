import os
import os.path as p
from collections import OrderedDict, defaultdict as dd
from . import sibling
from ..parent import thing
from os import *
