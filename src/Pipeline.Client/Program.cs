// TODO(helper A): the native client (see /work/wt/ISSUE15.md).
return 0;
